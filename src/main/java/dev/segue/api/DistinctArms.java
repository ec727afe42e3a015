package dev.segue.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.segue.api.validation.Report;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An experiment has 2 to max arms, no two of them named alike. */
@Documented
@Constraint(validatedBy = DistinctArms.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface DistinctArms {

    int max();

    String message() default "{segue.experiment.arms}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<DistinctArms, ExperimentRequest> {

        private int max;

        @Override
        public void initialize(DistinctArms annotation) {
            this.max = annotation.max();
        }

        @Override
        public boolean isValid(ExperimentRequest request, ConstraintValidatorContext context) {
            List<ExperimentRequest.ArmRequest> arms = request.arms();
            Report.parameter(context, "max", max);
            boolean valid = arms != null && arms.size() >= 2 && arms.size() <= max && distinct(arms);
            if (!valid) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("arms")
                        .addConstraintViolation();
            }
            return valid;
        }

        private static boolean distinct(List<ExperimentRequest.ArmRequest> arms) {
            Set<String> names = new HashSet<>();
            return arms.stream()
                    .filter(Objects::nonNull)
                    .map(ExperimentRequest.ArmRequest::name)
                    .filter(Objects::nonNull)
                    .allMatch(n -> names.add(n.strip()));
        }
    }
}
