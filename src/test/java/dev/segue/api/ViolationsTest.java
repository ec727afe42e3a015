package dev.segue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.segue.api.validation.Between;
import dev.segue.api.validation.EventBatch;
import dev.segue.api.validation.Names;
import dev.segue.api.validation.OneOf;
import dev.segue.api.validation.RequiredBody;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Violations come out in the order and with the field names the API has always reported, whatever order they came in. */
class ViolationsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    /** A class-level rule that names field b, like "give either length or durationMinutes, not both". */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = NotBoth.Validator.class)
    public @interface NotBoth {
        String message() default "not both";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<NotBoth, Body> {
            @Override
            public boolean isValid(Body body, ConstraintValidatorContext context) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("not both")
                        .addPropertyNode("b")
                        .addConstraintViolation();
                return body.a() == null || body.b() == null;
            }
        }
    }

    public record Inner(
            @OneOf(name = "inner.x", value = "ok") String x,
            @OneOf(name = "inner.y", value = "ok") String y) {}

    @NotBoth
    public record Body(
            @Between(name = "a", min = 1, max = 2) Integer a,
            @Between(name = "b", min = 1, max = 2) Integer b,
            @Names(name = "names") List<String> names,
            @Valid Inner inner) {}

    public record Entry(
            @OneOf(name = "type", value = "ok") String type,
            @OneOf(name = "id", value = "ok") String id) {}

    @SuppressWarnings("unused")
    public void create(
            @RequiredBody(message = "send a body") @Valid Body body,
            @RestQuery @Between(name = "limit", min = 1, max = 9) String limit,
            @RestHeader("Last-Event-ID") @Between(name = "Last-Event-ID", min = 0) String lastEvent) {}

    @AllOrNothing
    @SuppressWarnings("unused")
    public void record(@EventBatch(max = 3) List<@Valid Entry> body) {}

    private static Violations validate(String method, Object... arguments) throws NoSuchMethodException {
        Method target = List.of(ViolationsTest.class.getMethods()).stream()
                .filter(m -> m.getName().equals(method))
                .findFirst()
                .orElseThrow();
        var violations = validator.forExecutables().validateParameters(new ViolationsTest(), target, arguments);
        return new Violations(Set.copyOf(violations), target);
    }

    @Test
    void fieldsComeInDeclaredOrderEachFieldsOwnRulesFirstThenParameters() throws Exception {
        Body body = new Body(9, 9, List.of("fine", " ", "", "x".repeat(201)), new Inner("no", "no"));
        Violations violations = validate("create", body, "x", "-1");
        assertEquals(
                List.of(
                        "a: a must be between 1 and 2 (got 9)",
                        "b: b must be between 1 and 2 (got 9)",
                        "b: not both",
                        "names[1]: entries must be non-blank strings of at most 200 characters",
                        "names[2]: entries must be non-blank strings of at most 200 characters",
                        "names[3]: entries must be non-blank strings of at most 200 characters",
                        "inner.x: inner.x must be one of ok (got \"no\")",
                        "inner.y: inner.y must be one of ok (got \"no\")",
                        "limit: limit must be an integer (got \"x\")",
                        "Last-Event-ID: Last-Event-ID must be between 0 and 2147483647 (got -1)"),
                violations.fieldErrors().stream()
                        .map(e -> e.field() + ": " + e.message())
                        .toList());
        assertEquals("a must be between 1 and 2 (got 9) (and 9 more; see errors)", violations.detail());
    }

    @Test
    void aMissingBodyHasNoFieldAndOneViolationNoSuffix() throws Exception {
        Violations violations = validate("create", null, null, null);
        assertEquals(List.of(), violations.fieldErrors());
        assertEquals("send a body", violations.detail());
    }

    @Test
    void callerTextComesOutAsSentNeverInterpolated() throws Exception {
        String hostile = "{max}\\x${1+1}\u0007";
        Violations violations = validate("create", new Body(null, null, null, new Inner(hostile, null)), null, null);
        assertEquals("inner.x must be one of ok (got \"{max}\\x${1+1}?\")", violations.detail());
    }

    @Test
    void entriesOfAnAllOrNothingBatchAreNamedByIndexAndNothingWasRecorded() throws Exception {
        Violations one = validate("record", List.of(new Entry("ok", "ok"), new Entry("bad", "ok")));
        assertEquals("type must be one of ok (got \"bad\") (nothing was recorded)", one.detail());
        Violations two = validate("record", List.of(new Entry("bad", "bad"), new Entry("ok", "bad")));
        assertEquals(
                List.of("[0].type", "[0].id", "[1].id"),
                two.fieldErrors().stream().map(Problem.FieldError::field).toList());
        assertEquals(
                "type must be one of ok (got \"bad\") (and 2 more; see errors; nothing was recorded)", two.detail());
        Violations tooMany = validate(
                "record",
                List.of(new Entry("ok", "ok"), new Entry("ok", "ok"), new Entry("ok", "ok"), new Entry("ok", "ok")));
        assertEquals("at most 3 events at once (got 4)", tooMany.detail());
        assertEquals(List.of(), tooMany.fieldErrors());
    }
}
