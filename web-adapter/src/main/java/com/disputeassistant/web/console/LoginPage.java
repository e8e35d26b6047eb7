package com.disputeassistant.web.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security takes the form's POST, and says how it went in the query. */
@Controller
class LoginPage {
    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    String login() {
        return "console/login";
    }
}
