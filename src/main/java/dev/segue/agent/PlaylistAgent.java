package dev.segue.agent;

import dev.langchain4j.service.UserMessage;

/**
 * The LLM planner as one declarative AI service: its system prompt comes from prompts/playlist-agent.&lt;v&gt;.md,
 * its tools from {@link AgentTools}; it answers with the playlist as JSON (see the prompt for the shape).
 */
interface PlaylistAgent {

    String plan(@UserMessage String request);
}
