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

/** An integer from min to max: a JSON number, or a query or header parameter's text (absent is fine). */
@Documented
@Constraint(validatedBy = {Between.ForNumber.class, Between.ForText.class})
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface Between {

    /** The field as the caller knows it, for the message. */
    String name();

    int min();

    int max() default Integer.MAX_VALUE;

    String message() default "{segue.between}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Both validators check the same range; they differ only in how the integer arrives. */
    abstract class InRange<T> implements ConstraintValidator<Between, T> {

        private Between range;

        @Override
        public void initialize(Between range) {
            this.range = range;
        }

        boolean within(int value, ConstraintValidatorContext context) {
            Report.parameter(context, "got", value);
            return value >= range.min() && value <= range.max();
        }
    }

    final class ForNumber extends InRange<Integer> {

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            return value == null || within(value, context);
        }
    }

    final class ForText extends InRange<String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (Params.isAbsent(value)) {
                return true;
            }
            try {
                return within(Integer.parseInt(value.trim()), context);
            } catch (NumberFormatException e) {
                Report.parameter(context, "got", Snippet.of(value));
                return Report.violation(context, "{segue.integer}");
            }
        }
    }
}
