package com.disputeassistant.app.api;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the API's OpenAPI document, {@code openapi.yaml} in the application's resources; public. */
@RestController
class OpenApiController {
    private final byte[] document;

    OpenApiController() throws IOException {
        try (InputStream in = new ClassPathResource("openapi.yaml").getInputStream()) {
            document = in.readAllBytes();
        }
    }

    @GetMapping(ApiSecurityConfiguration.OPENAPI)
    ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(document);
    }
}
