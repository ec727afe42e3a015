package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.segue.catalog.Tags;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/** Tags to filter a search by: each non-blank once normalised, and at most 100 characters. */
@Documented
@Constraint(validatedBy = TagFilters.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface TagFilters {

    int MAX_CHARS = 100;

    String message() default "{segue.search.tag}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<TagFilters, List<String>> {

        @Override
        public boolean isValid(List<String> tags, ConstraintValidatorContext context) {
            Report.parameter(context, "maxChars", MAX_CHARS);
            return tags == null
                    || tags.stream().map(Tags::normalize).allMatch(t -> t != null && t.length() <= MAX_CHARS);
        }
    }
}
