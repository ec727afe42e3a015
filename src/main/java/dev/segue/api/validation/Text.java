package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Free text of at most max characters (a prompt, a DJ request, a search), required unless optional. */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface Text {

    /** The field as the caller knows it, for the message. */
    String name();

    int max();

    /** Whether absent or blank text is fine. */
    boolean optional() default false;

    String message() default "{segue.tooLong}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Text, String> {

        private Text text;

        @Override
        public void initialize(Text text) {
            this.text = text;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return text.optional() || Report.violation(context, "{segue.required}");
            }
            Report.parameter(context, "length", value.length());
            return value.length() <= text.max();
        }
    }
}
