package dev.segue.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.segue.config.SegueConfig;
import dev.segue.embedding.TextEmbedder;
import dev.segue.planner.Turn;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.SearchTools;
import jakarta.enterprise.context.Dependent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The LangChain4j side of the agent: the configured chat model behind its guards ({@link LlmClient}), and for each
 * run a {@link PlaylistAgent} AI service with that run's tools, its bounds (tool calls, invalid calls, tokens) and
 * the conversation so far. Every model call is counted in {@link LlmStats} and in its run's trace.
 */
@Dependent
class AgentServices {

    /** Model calls report here; one request runs on one thread, so the listener finds its run. */
    private static final ThreadLocal<AgentRun> CURRENT = new ThreadLocal<>();

    private static final int MEMORY_MESSAGES = 200;

    private final LlmClient client;
    private final SegueConfig.Llm settings;
    private final SearchTools tools;
    private final BaselineScorer scorer;
    private final TransformerRanker ranker;
    private final TextEmbedder embedder;

    AgentServices(
            SegueConfig config,
            SearchTools tools,
            BaselineScorer scorer,
            TransformerRanker ranker,
            TextEmbedder embedder,
            LlmStats stats,
            LlmHealth health) {
        this.settings = config.llm();
        this.tools = tools;
        this.scorer = scorer;
        this.ranker = ranker;
        this.embedder = embedder;
        this.client = new LlmClient(
                settings,
                settings.baseUrl().orElseThrow(),
                () -> {
                    AgentRun run = CURRENT.get();
                    return call -> {
                        stats.call(call);
                        if (run != null) {
                            run.llmCall(call);
                        }
                    };
                },
                health);
    }

    /** provider:model, as the start-up log and /api/system show it. */
    String model() {
        return client.description();
    }

    /** One guarded completion without tools; the provider's failures are thrown. */
    Optional<String> complete(String system, String user) {
        return Optional.ofNullable(client.chatModel()
                .chat(ChatRequest.builder()
                        .messages(SystemMessage.from(system), UserMessage.from(user))
                        .build())
                .aiMessage()
                .text());
    }

    /** The agent for one run: it remembers the earlier turns, and while it answers its model calls count for the run. */
    PlaylistAgent create(AgentRun run, String system, List<Turn> conversation) {
        MessageWindowChatMemory memory = MessageWindowChatMemory.withMaxMessages(MEMORY_MESSAGES);
        for (Turn turn : conversation) {
            memory.add(turn.role().equals("assistant") ? AiMessage.from(turn.text()) : UserMessage.from(turn.text()));
        }
        PlaylistAgent agent = AiServices.builder(PlaylistAgent.class)
                .chatModel(client.chatModel())
                .systemMessage(system)
                .chatMemory(memory)
                .tools(new AgentTools(run, tools, scorer, ranker, embedder))
                .maxSequentialToolsInvocations(settings.maxToolCalls() + settings.maxInvalidToolCalls() + 2)
                .chatRequestTransformer(chatRequest -> {
                    run.checkTokenBudget();
                    return inToolOrder(chatRequest);
                })
                .toolArgumentsErrorHandler((error, context) -> {
                    LlmFailures.rethrowIfStopped(error);
                    run.invalidToolCall();
                    return ToolErrorHandlerResult.text("error: the arguments of "
                            + context.toolExecutionRequest().name() + " are not valid (" + LlmFailures.brief(error)
                            + "); send a JSON object that matches the tool's parameters");
                })
                .toolExecutionErrorHandler((error, context) -> {
                    LlmFailures.rethrowIfStopped(error);
                    LlmFailures.rethrowIfStoreDown(error);
                    return ToolErrorHandlerResult.text("error: " + LlmFailures.brief(error));
                })
                .hallucinatedToolNameStrategy(call -> unknownTool(call, run))
                .build();
        return request -> {
            CURRENT.set(run);
            try {
                return agent.plan(request);
            } finally {
                CURRENT.remove();
            }
        };
    }

    /**
     * The tools in {@link AgentTools#NAMES}' order. LangChain4j lists them in reflection order, which the JVM does not
     * keep stable from one run to the next; a stable request is what a recording, a replay or a provider's prompt
     * cache can match.
     */
    static ChatRequest inToolOrder(ChatRequest request) {
        List<ToolSpecification> tools = request.toolSpecifications();
        if (tools == null || tools.size() < 2) {
            return request;
        }
        List<ToolSpecification> ordered = tools.stream()
                .sorted(Comparator.comparingInt(t -> AgentTools.position(t.name())))
                .toList();
        return request.toBuilder()
                .parameters(request.parameters()
                        .overrideWith(ChatRequestParameters.builder()
                                .toolSpecifications(ordered)
                                .build()))
                .build();
    }

    private static ToolExecutionResultMessage unknownTool(ToolExecutionRequest call, AgentRun run) {
        run.invalidToolCall();
        return ToolExecutionResultMessage.from(
                call,
                "error: there is no tool named \"" + ModelText.clip(call.name(), 60) + "\"; the tools are "
                        + AgentTools.listed());
    }
}
