package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.segue.agent.Planners;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A planner this server has: "llm" only where an LLM is configured. */
@Documented
@Constraint(validatedBy = PlannerConfigured.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface PlannerConfigured {

    String message() default "{segue.noLlm}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validators are made when validation starts up, before the planners are: they are looked up when needed. */
    @Dependent
    final class Validator implements ConstraintValidator<PlannerConfigured, String> {

        private final Provider<Planners> planners;

        Validator(Provider<Planners> planners) {
            this.planners = planners;
        }

        @Override
        public boolean isValid(String planner, ConstraintValidatorContext context) {
            return !"llm".equals(planner) || planners.get().llm().isPresent();
        }
    }
}
