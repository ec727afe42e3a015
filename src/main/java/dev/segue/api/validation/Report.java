package dev.segue.api.validation;

import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** What validators use to word their violations. */
public final class Report {

    private Report() {}

    /**
     * A value for {name} in the messages reported next. Text is escaped: the interpolator reads \ { } $ in a message
     * as escapes and expressions, and caller text must come out exactly as sent, never evaluated.
     */
    public static void parameter(ConstraintValidatorContext context, String name, Object value) {
        Object safe = value instanceof String text ? text.replaceAll("([\\\\{}$])", "\\\\$1") : value;
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter(name, safe);
    }

    /** Reports this message instead of the constraint's own; returns false, the verdict. */
    public static boolean violation(ConstraintValidatorContext context, String template) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
        return false;
    }

    /** Reports this message for entry {@code index} of the validated list, and keeps checking the others. */
    public static void entry(ConstraintValidatorContext context, String template, int index) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(template)
                .addBeanNode()
                .inIterable()
                .atIndex(index)
                .addConstraintViolation();
    }
}
