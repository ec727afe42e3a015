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
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** When a listening event happened: an ISO-8601 instant, not in the future (absent is fine: it means now). */
@Documented
@Constraint(validatedBy = EventTime.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface EventTime {

    String message() default "{segue.event.future}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EventTime, String> {

        /** Clocks differ: a few minutes ahead is still now. */
        private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                return !Instant.parse(value).isAfter(Instant.now().plus(CLOCK_SKEW));
            } catch (DateTimeParseException e) {
                return Report.violation(context, "{segue.event.at}");
            }
        }
    }
}
