package com.disputeassistant.web.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security takes the form's POST, and says how it went in the query. With
 * OpenID Connect on, the page also offers the provider's sign-in.
 */
@Controller
class LoginPage {
    private final ObjectProvider<ConsoleOidc> oidc;

    LoginPage(ObjectProvider<ConsoleOidc> oidc) {
        this.oidc = oidc;
    }

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    String login(Model model) {
        ConsoleOidc openId = oidc.getIfAvailable();
        model.addAttribute("oidcProvider", openId == null ? null : openId.providerName());
        model.addAttribute("oidcStart", ConsoleOidc.AUTHORIZATION_BASE + "/" + ConsoleOidc.REGISTRATION);
        return "console/login";
    }

    /**
     * Reached only when the provider's sign-in could not start (OpenID Connect is off, or its discovery
     * document cannot be read now): Spring Security answers this path itself when it can.
     */
    @GetMapping(ConsoleOidc.AUTHORIZATION_BASE + "/{registration}")
    String providerUnavailable() {
        return "redirect:" + ConsoleSecurityConfiguration.LOGIN + "?oidc-failed";
    }
}
