package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.segue.agent.Recorded.Dialect;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anthropic's Messages API, not streamed: a recorded tool_use answer, and four parallel tool_use blocks after text. */
@QuarkusTest
@TestProfile(ReplayProfile.AnthropicPlain.class)
class AnthropicAnswersTest extends ReplaySupport {

    @Test
    void aRecordedAnswerIsUnderstood() {
        replay(new Exchange(
                "anthropic",
                Recorded.of(Dialect.ANTHROPIC, "anthropic/anthropic-json-tool.1.json"),
                Recorded.of(Dialect.ANTHROPIC, "anthropic/anthropic-text.json")));
    }

    @Test
    void parallelToolCallsAfterTextAreAllRun() {
        JsonPath p = replay(new Exchange(
                "anthropic parallel",
                Recorded.of(Dialect.ANTHROPIC, "anthropic/anthropic-multiple-parallel-tool-calls.1.json"),
                Recorded.of(Dialect.ANTHROPIC, "anthropic/anthropic-multiple-parallel-tool-calls.2.json")));
        List<String> names = p.getList("trace.toolCalls.name");
        assertEquals(List.of("search_tracks", "list_tags", "list_tags", "list_tags"), names.subList(0, 4));
    }
}
