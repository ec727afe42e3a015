package dev.segue.api.validation;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A request body that must be sent (JSON null and no body at all are both missing). */
@Documented
@Constraint(validatedBy = {})
@NotNull
@ReportAsSingleViolation
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface RequiredBody {

    /** The field the caller is told to send, as if the body were {}; empty: the body itself. */
    String name() default "";

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
