package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.segue.agent.LlmPlanner;
import dev.segue.agent.Planners;
import dev.segue.agent.Prompts;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

/** A version of the agent prompt (v1, v2, …) that exists, where an LLM is configured to use it (absent is fine). */
@Documented
@Constraint(validatedBy = PromptVersion.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface PromptVersion {

    String message() default "{segue.promptVersion.missing}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validators are made when validation starts up, before the planners are: they are looked up when needed. */
    @Dependent
    final class Validator implements ConstraintValidator<PromptVersion, String> {

        private final Provider<Planners> planners;

        Validator(Provider<Planners> planners) {
            this.planners = planners;
        }

        @Override
        public boolean isValid(String version, ConstraintValidatorContext context) {
            if (version == null) {
                return true;
            }
            if (!Prompts.isVersion(version)) {
                Report.parameter(context, "got", Snippet.of(version));
                return Report.violation(context, "{segue.promptVersion.format}");
            }
            Optional<LlmPlanner> llm = planners.get().llm();
            if (llm.isEmpty() || llm.get().hasPromptVersion(version)) {
                return true;
            }
            Report.parameter(context, "version", version);
            Report.parameter(context, "file", LlmPlanner.AGENT_PROMPT + "." + version + ".md");
            return false;
        }
    }
}
