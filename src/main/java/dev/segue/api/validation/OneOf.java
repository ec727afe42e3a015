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
import java.util.List;

/** One of a few words (a planner, a ranker, a kind of feedback); absent is fine unless required. */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface OneOf {

    /** The field as the caller knows it, for the message. */
    String name();

    String[] value();

    boolean required() default false;

    String message() default "{segue.oneOf}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<OneOf, String> {

        private List<String> allowed;
        private boolean required;

        @Override
        public void initialize(OneOf oneOf) {
            this.allowed = List.of(oneOf.value());
            this.required = oneOf.required();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null ? !required : allowed.contains(value)) {
                return true;
            }
            Report.parameter(
                    context,
                    "allowed",
                    String.join(", ", allowed.stream().sorted().toList()));
            Report.parameter(context, "got", Snippet.of(String.valueOf(value)));
            return false;
        }
    }
}
