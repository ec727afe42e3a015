package dev.segue.api.validation;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A query parameter that is true (true, 1, yes) or false (false, 0, no, or absent); read it with Params.flag. */
@Documented
@Constraint(validatedBy = Flag.Validator.class)
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface Flag {

    /** The parameter's name, for the message. */
    String name();

    String message() default "{segue.flag}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Flag, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (Params.isFlag(value)) {
                return true;
            }
            Report.parameter(context, "got", Snippet.of(value));
            return false;
        }
    }
}
