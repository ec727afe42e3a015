package dev.segue.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.segue.api.validation.Params;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A search names something to look for: text, a tag or a year; reported as a missing q. */
@Documented
@Constraint(validatedBy = SomethingToFind.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface SomethingToFind {

    String message() default "{segue.search.nothing}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<SomethingToFind, SearchQuery> {

        @Override
        public boolean isValid(SearchQuery query, ConstraintValidatorContext context) {
            boolean something = !query.q().isEmpty()
                    || !query.genre().isEmpty()
                    || !query.mood().isEmpty()
                    || !query.instrument().isEmpty()
                    || !Params.isAbsent(query.yearFrom())
                    || !Params.isAbsent(query.yearTo());
            if (something) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("q")
                    .addConstraintViolation();
            return false;
        }
    }
}
