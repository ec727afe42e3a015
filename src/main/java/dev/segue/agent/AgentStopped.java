package dev.segue.agent;

/** The agent was stopped by one of its bounds (tool calls, tokens, invalid calls); the message says which. */
final class AgentStopped extends RuntimeException {
    AgentStopped(String reason) {
        super(reason, null, false, false);
    }
}
