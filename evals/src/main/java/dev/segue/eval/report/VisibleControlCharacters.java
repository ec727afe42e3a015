package dev.segue.eval.report;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.WithPriority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Qute's HTML escaping, plus control characters shown as {@code \u0000}: a prompt may hold NUL or BEL (the robustness
 * suite sends them), and HTML does not allow them.
 */
@ApplicationScoped
public class VisibleControlCharacters {

    void configure(@Observes EngineBuilder builder) {
        builder.addResultMapper(new Escaper());
    }

    /** Wins over Qute's own escaper (same content types, higher priority). */
    static final class Escaper extends HtmlEscaper {

        Escaper() {
            super(List.of("text/html"));
        }

        @Override
        public int getPriority() {
            return WithPriority.DEFAULT_PRIORITY + 10;
        }

        @Override
        protected String replacementFor(char c) {
            String html = super.replacementFor(c);
            if (html == null && Character.isISOControl(c) && c != '\n' && c != '\t') {
                return String.format(Locale.ROOT, "\\u%04x", (int) c);
            }
            return html;
        }
    }
}
