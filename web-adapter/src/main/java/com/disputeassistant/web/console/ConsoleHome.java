package com.disputeassistant.web.console;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page for a signed-in staff member. */
@Controller
class ConsoleHome {
    private final StaffDirectory directory;

    ConsoleHome(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/console")
    String home(Principal principal, Model model) {
        StaffMember member = directory.find(principal.getName()).orElseThrow();
        model.addAttribute("member", member);
        return "console/home";
    }
}
