package dev.segue.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.segue.api.validation.Names;
import dev.segue.api.validation.Report;
import dev.segue.api.validation.Snippet;
import dev.segue.catalog.Catalog;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;

/**
 * Every seed track is in the catalog; each unknown one is named by its index. Ids that {@link Names} rejects for their
 * number or length are not looked up.
 */
@Documented
@Constraint(validatedBy = SeedsInCatalog.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface SeedsInCatalog {

    String message() default "{segue.unknownTrack}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validators are made when validation starts up, before the catalog is read: it is looked up when first needed. */
    @Dependent
    final class Validator implements ConstraintValidator<SeedsInCatalog, PlaylistRequest> {

        private final Provider<Catalog> catalog;

        Validator(Provider<Catalog> catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean isValid(PlaylistRequest request, ConstraintValidatorContext context) {
            List<String> ids = request.seedTrackIds();
            if (ids == null || ids.size() > Names.MAX_ENTRIES) {
                return true;
            }
            boolean valid = true;
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (id != null
                        && id.length() <= Names.MAX_CHARS
                        && catalog.get().find(id).isEmpty()) {
                    report(context, i, id);
                    valid = false;
                }
            }
            return valid;
        }

        private static void report(ConstraintValidatorContext context, int index, String id) {
            context.disableDefaultConstraintViolation();
            Report.parameter(context, "id", Snippet.of(id));
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("seedTrackIds")
                    .addBeanNode()
                    .inIterable()
                    .atIndex(index)
                    .addConstraintViolation();
        }
    }
}
