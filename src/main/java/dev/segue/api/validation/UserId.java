package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A listener's id, in a body or in a path: 1 to 100 letters, digits or . _ : @ - (absent is fine). */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[A-Za-z0-9._:@-]{1,100}")
@ReportAsSingleViolation
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface UserId {

    String message() default "{segue.userId}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
