package dev.segue.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model is shown the tools in one order, whatever order reflection lists them in. */
class ToolOrderTest {

    private static final List<ToolSpecification> DECLARED = ToolSpecifications.toolSpecificationsFrom(AgentTools.class);

    @Test
    void everyToolOfTheAgentHasItsPlace() {
        assertEquals(
                AgentTools.NAMES.stream().sorted().toList(),
                DECLARED.stream().map(ToolSpecification::name).sorted().toList());
    }

    @Test
    void aRequestListsTheToolsInTheirOrderHoweverTheyCame() {
        List<ToolSpecification> shuffled = new ArrayList<>(DECLARED);
        Collections.reverse(shuffled);
        ChatRequest request = ChatRequest.builder()
                .messages(UserMessage.from("calm piano"))
                .toolSpecifications(shuffled)
                .build();

        ChatRequest ordered = AgentServices.inToolOrder(request);

        assertEquals(
                AgentTools.NAMES,
                ordered.toolSpecifications().stream()
                        .map(ToolSpecification::name)
                        .toList());
        assertEquals(request.messages(), ordered.messages());
    }
}
