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

/** A number from 0 to 1, both included (absent is fine). */
@Documented
@Constraint(validatedBy = Fraction.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface Fraction {

    /** The field as the caller knows it, for the message. */
    String name();

    String message() default "{segue.fraction}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Fraction, Double> {

        @Override
        public boolean isValid(Double value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Report.parameter(context, "got", value);
            return value >= 0 && value <= 1;
        }
    }
}
