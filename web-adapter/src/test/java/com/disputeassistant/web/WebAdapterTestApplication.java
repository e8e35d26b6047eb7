package com.disputeassistant.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The module has no application of its own; MVC test slices start from this one. */
@SpringBootApplication
class WebAdapterTestApplication {
}
