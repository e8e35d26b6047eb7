package com.disputeassistant.web.console;

import com.disputeassistant.language.Language;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * What the console's pages say, from its own bundle ({@code console.properties} beside this class), so
 * that a translation is one more file ({@code console_de.properties}). The pages read it as {@code #{key}};
 * the language is the browser's first choice among those the bot speaks ({@link Language}), else English.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleTexts {
    static final String BUNDLE = "com/disputeassistant/web/console/console";

    /** Spring Boot makes one only for a {@code messages.properties} at the root, which this application has not. */
    @Bean
    @ConditionalOnMissingBean(name = "messageSource")
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BUNDLE);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /**
     * The browser's first choice among the bot's languages: {@code fr, de;q=0.9} reads German, as the bot's
     * own {@link Language#ofAcceptLanguage} would, rather than English for the unsupported {@code fr}.
     */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(Language.all().stream().map(Language::locale).toList());
        resolver.setDefaultLocale(Language.DEFAULT.locale());
        return resolver;
    }

    /** The language of the request being answered, for the texts bot-core writes (step names, times). */
    static Language requestLanguage() {
        Locale locale = LocaleContextHolder.getLocale();
        return Language.of(locale.toLanguageTag()).orElse(Language.DEFAULT);
    }

    /** A longer time, in days and hours from a day on: {@code 2 d 5 h}, {@code 2 T. 5 Std.}. */
    static String span(MessageSource texts, Duration span) {
        return span.toDays() >= 1
                ? texts.getMessage("span.days", new Object[]{span.toDays(), span.toHoursPart()}, LocaleContextHolder.getLocale())
                : waited(texts, span);
    }

    /** How long someone has waited, in the request's language: {@code 3 h}, {@code 3 Std.}. */
    static String waited(MessageSource texts, Duration waited) {
        return waited.toHours() >= 1
                ? texts.getMessage("waited.hours", new Object[]{waited.toHours()}, LocaleContextHolder.getLocale())
                : texts.getMessage("waited.minutes", new Object[]{waited.toMinutes()}, LocaleContextHolder.getLocale());
    }
}
