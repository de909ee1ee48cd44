package org.casetrail.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The system seen from outside: plain HTTP to the gateway, JSON in and out, nothing else. */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "demo";

    private final Supplier<String> baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    GatewayClient(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The array body as a list (empty for a non-array, so assertions say what they got). */
        List<JsonNode> items() {
            List<JsonNode> items = new ArrayList<>();
            JsonNode node = json();
            if (node.isArray()) {
                node.forEach(items::add);
            }
            return items;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType() + " " + body;
        }
    }

    /** POST /auth/token as a demo user; returns the bearer token. */
    String login(String username) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", PASSWORD);
        Response response = post("/auth/token", null, body.toString(), Map.of());
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response);
        }
        return response.json().path("access_token").asText();
    }

    Response get(String path, String token) {
        return send(request(path, token, Map.of()).GET().build());
    }

    Response post(String path, String token, String jsonBody, Map<String, String> headers) {
        return send(request(path, token, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    /** Any method; {@code jsonBody} null sends no body (and no Content-Type). */
    Response send(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder builder = request(path, token, Map.of());
        if (jsonBody == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
