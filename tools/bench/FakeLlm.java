import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible stand-in that answers instantly, for measuring the agent's own overhead (tool calls,
 * grounding, assembly) without a model's latency. First call: one search_tracks for the listener's words; second
 * call: a selection of the first 20 ids found in the tool result. Run: java tools/bench/FakeLlm.java [port]
 */
public class FakeLlm {

    private static final Pattern ID = Pattern.compile("\\\\\"id\\\\\":\\\\\"([^\\\\\"]+)\\\\\"");
    private static final Pattern REQUEST = Pattern.compile("<<<\\\\n(.*?)\\\\n>>>");

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9099;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v1/chat/completions", FakeLlm::answer);
        server.start();
        System.out.println("fake LLM on http://127.0.0.1:" + port + "/v1");
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String reply;
        if (!body.contains("tool_call_id")) {
            Matcher words = REQUEST.matcher(body);
            String query = words.find() ? words.group(1).replaceAll("[\\\\\"]", " ") : "music";
            String args = "{\\\"query\\\":\\\"" + query + "\\\",\\\"limit\\\":40}";
            reply = "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"fake\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"search_tracks\",\"arguments\":\"" + args + "\"}}]},"
                    + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":900,\"completion_tokens\":30,\"total_tokens\":930}}";
        } else {
            Set<String> ids = new LinkedHashSet<>();
            Matcher m = ID.matcher(body);
            while (m.find() && ids.size() < 20) {
                ids.add(m.group(1));
            }
            List<String> picks = new ArrayList<>();
            for (String id : ids) {
                picks.add("{\\\"id\\\":\\\"" + id + "\\\",\\\"reason\\\":\\\"Fits the request.\\\"}");
            }
            String content = "{\\\"title\\\":\\\"Fake\\\",\\\"tracks\\\":[" + String.join(",", picks) + "]}";
            reply = "{\"id\":\"y\",\"object\":\"chat.completion\",\"model\":\"fake\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":3000,\"completion_tokens\":400,\"total_tokens\":3400}}";
        }
        byte[] out = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }
}
