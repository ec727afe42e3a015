package dev.segue.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

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

/** The id of a track in the catalog (absent is unknown too). */
@Documented
@Constraint(validatedBy = KnownTrackId.Validator.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface KnownTrackId {

    int MAX_CHARS = 200;

    String message() default "{segue.unknownTrack}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validators are made when validation starts up, before the catalog is read: it is looked up when first needed. */
    @Dependent
    final class Validator implements ConstraintValidator<KnownTrackId, String> {

        private final Provider<Catalog> catalog;

        Validator(Provider<Catalog> catalog) {
            this.catalog = catalog;
        }

        @Override
        public boolean isValid(String id, ConstraintValidatorContext context) {
            if (id != null && id.length() <= MAX_CHARS && catalog.get().find(id).isPresent()) {
                return true;
            }
            Report.parameter(context, "id", Snippet.of(String.valueOf(id)));
            return false;
        }
    }
}
