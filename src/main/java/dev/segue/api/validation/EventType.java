package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.segue.profile.ListeningEvent;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A listening event's type, as {@link ListeningEvent.Type#parse} reads it (absent is not one). */
@Documented
@Constraint(validatedBy = EventType.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface EventType {

    String message() default "{segue.event.type}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EventType, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return ListeningEvent.Type.parse(value) != null;
        }
    }
}
