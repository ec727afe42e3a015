package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/** A list of names or ids: at most 50, each non-blank and at most 200 characters; a bad entry is named by index. */
@Documented
@Constraint(validatedBy = Names.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface Names {

    int MAX_ENTRIES = 50;
    int MAX_CHARS = 200;

    /** The field as the caller knows it, for the message. */
    String name();

    String message() default "{segue.tooMany}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Names, List<String>> {

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            if (values == null) {
                return true;
            }
            if (values.size() > MAX_ENTRIES) {
                Report.parameter(context, "size", values.size());
                Report.parameter(context, "max", MAX_ENTRIES);
                return false;
            }
            Report.parameter(context, "maxChars", MAX_CHARS);
            boolean valid = true;
            for (int i = 0; i < values.size(); i++) {
                if (!isEntry(values.get(i))) {
                    Report.entry(context, "{segue.entry}", i);
                    valid = false;
                }
            }
            return valid;
        }

        private static boolean isEntry(String value) {
            return value != null && !value.isBlank() && value.length() <= MAX_CHARS;
        }
    }
}
