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
import java.util.List;

/** A body of listening events: a JSON array of 1 to max of them. */
@Documented
@Constraint(validatedBy = EventBatch.Validator.class)
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface EventBatch {

    int max();

    String message() default "{segue.events.tooMany}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EventBatch, List<?>> {

        private int max;

        @Override
        public void initialize(EventBatch batch) {
            this.max = batch.max();
        }

        @Override
        public boolean isValid(List<?> events, ConstraintValidatorContext context) {
            if (events == null || events.isEmpty()) {
                return Report.violation(context, "{segue.events.required}");
            }
            Report.parameter(context, "size", events.size());
            return events.size() <= max;
        }
    }
}
