package dev.segue.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One recorded provider answer from src/test/resources/llm/providers/ (see the README there for where each comes
 * from), rewritten to Segue's tools ({@link Rewrite}) and framed as the provider sends it: a JSON body, or Server-Sent
 * Events. Files ending .chunks.txt hold the data of one event per line (the recorder kept the data, not the framing);
 * .sse files are the stream as recorded, comments and [DONE] included; a .choices.json holds only the recorded
 * "choices" (the thread it comes from printed no more).
 */
record Recorded(Dialect dialect, String file, int status, Map<String, String> headers) {

    enum Dialect {
        OPENAI,
        ANTHROPIC,
        GEMINI
    }

    static Recorded of(Dialect dialect, String file) {
        return new Recorded(dialect, file, 200, Map.of());
    }

    /** An error answer, with the headers that go with it (names as the provider documents them). */
    static Recorded error(Dialect dialect, String file, int status, Map<String, String> headers) {
        return new Recorded(dialect, file, status, headers);
    }

    boolean streamed() {
        return file.endsWith(".sse") || file.endsWith(".chunks.txt");
    }

    String text() {
        try (InputStream in = Recorded.class.getClassLoader().getResourceAsStream("llm/providers/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer llm/providers/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as WireMock sends it, rewritten. */
    ResponseDefinitionBuilder response(Rewrite rewrite) {
        ResponseDefinitionBuilder response = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", streamed() ? "text/event-stream" : "application/json")
                .withBody(body(rewrite));
        headers.forEach(response::withHeader);
        return response;
    }

    String body(Rewrite rewrite) {
        String text = text();
        if (status >= 300) {
            return text;
        }
        if (file.endsWith(".sse")) {
            return sse(text, rewrite);
        }
        if (file.endsWith(".chunks.txt")) {
            return chunks(text.lines().filter(l -> !l.isBlank()).toList(), rewrite);
        }
        if (file.endsWith(".choices.json")) {
            text = "{\"choices\": " + text + "}";
        }
        return switch (dialect) {
            case OPENAI -> OpenAiRecording.completion(text, rewrite);
            case ANTHROPIC -> AnthropicRecording.message(text, rewrite);
            case GEMINI -> GeminiRecording.response(text, rewrite);
        };
    }

    private String chunks(List<String> data, Rewrite rewrite) {
        StringBuilder out = new StringBuilder();
        switch (dialect) {
            case OPENAI -> {
                OpenAiRecording.chunks(data, rewrite)
                        .forEach(d -> out.append("data: ").append(d).append("\n\n"));
                out.append("data: [DONE]\n\n");
            }
            case ANTHROPIC ->
                AnthropicRecording.events(data, rewrite)
                        .forEach(d -> out.append("event: ")
                                .append(AnthropicRecording.eventName(d))
                                .append("\ndata: ")
                                .append(d)
                                .append("\n\n"));
            case GEMINI ->
                GeminiRecording.chunks(data, rewrite)
                        .forEach(d -> out.append("data: ").append(d).append("\n\n"));
        }
        return out.toString();
    }

    /** A recorded stream: its data lines rewritten, everything else (comments, [DONE], blank lines) as it was. */
    private static String sse(String text, Rewrite rewrite) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        List<Integer> dataLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("data: {")) {
                dataLines.add(i);
            }
        }
        List<String> rewritten = OpenAiRecording.chunks(
                dataLines.stream().map(i -> lines.get(i).substring(6)).toList(), rewrite);
        String[] out = lines.toArray(String[]::new);
        for (int k = 0; k < dataLines.size(); k++) {
            out[dataLines.get(k)] = "data: " + rewritten.get(k);
        }
        return String.join("\n", out);
    }
}
