package org.casetrail.gateway;

import org.casetrail.gateway.auth.TokenController;
import org.casetrail.platform.testing.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without the embedded profile there is no token endpoint and no demo school: tokens come from the IdP. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 1)
class ProductionProfileIT {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        EmbeddedStack.register(registry, "gateway-production-it", "${spring.embedded.kafka.brokers}");
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theDevTokenEndpointDoesNotExist() throws Exception {
        assertThat(context.getBeansOfType(TokenController.class)).isEmpty();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ada.admin\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }
}
