package dev.segue.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A playlist is sized by its length or by its duration, not by both. */
@Documented
@Constraint(validatedBy = LengthOrDuration.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface LengthOrDuration {

    String message() default "{segue.lengthOrDuration}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<LengthOrDuration, PlaylistRequest> {

        @Override
        public boolean isValid(PlaylistRequest request, ConstraintValidatorContext context) {
            if (request.length() == null || request.durationMinutes() == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("durationMinutes")
                    .addConstraintViolation();
            return false;
        }
    }
}
