package com.disputeassistant.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.disputeassistant.inbound.ChatAnswer;
import com.disputeassistant.inbound.ChatEvent;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.inbound.ChatInbound;
import com.disputeassistant.language.Language;
import com.disputeassistant.marketplace.ChannelIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebApiTest
class ChatControllerTest {
    private static final String ALICE = Samples.ALICE_WEB.id();

    @Autowired
    MockMvc mvc;
    @Autowired
    ChatInbound inbound;
    @Autowired
    WebChannel webChannel;

    @Test
    void textGoesToTheInboundPathAsTheChosenIdentityAndItsRepliesAreCounted() throws Exception {
        ChatEvent said = ChatEvent.Text.direct(Samples.ALICE_WEB, ALICE, "I want to open a dispute", null);
        when(inbound.handle(said)).thenReturn(new ChatAnswer.Done(2));

        postJson("{\"as\":\"web:alice\",\"text\":\"I want to open a dispute\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(2));

        verify(inbound).handle(said);
    }

    @Test
    void aPickedOptionGoesToTheInboundPathAsThatOption() throws Exception {
        ChatEvent picked = new ChatEvent.Choice(Samples.ALICE_WEB, ALICE, "o:ORD-1001", null);
        when(inbound.handle(picked)).thenReturn(new ChatAnswer.Done(1));

        postJson("{\"as\":\"web:alice\",\"option\":\"o:ORD-1001\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(1));
    }

    @Test
    void aNoticeComesAsAMessageInThePersonsPane() throws Exception {
        ChatEvent said = ChatEvent.Text.direct(Samples.ALICE_WEB, ALICE, "hi", null);
        when(inbound.handle(said)).thenReturn(new ChatAnswer.Notice("I don't know you yet"));

        postJson("{\"as\":\"web:alice\",\"text\":\"hi\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(1));

        verify(inbound).tell(said, "I don't know you yet");
    }

    @Test
    void theBrowsersLanguageGoesToTheInboundPathAsTheSendersHint() throws Exception {
        ChatEvent said = ChatEvent.Text.direct(Samples.ALICE_WEB, ALICE, "menu", null).withLanguage(Language.DE);
        when(inbound.handle(said)).thenReturn(new ChatAnswer.Done(1));

        mvc.perform(post("/api/messages").contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "fr-CH, de;q=0.9, en;q=0.8")
                        .content("{\"as\":\"web:alice\",\"text\":\"menu\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(1));

        verify(inbound).handle(said);
    }

    @Test
    void textOfExactlyTheLimitIsAccepted() throws Exception {
        String longest = "a".repeat(PostedMessage.MAX_TEXT_LENGTH);
        when(inbound.handle(ChatEvent.Text.direct(Samples.ALICE_WEB, ALICE, longest, null)))
                .thenReturn(new ChatAnswer.Done(0));

        postJson("{\"as\":\"web:alice\",\"text\":\"" + longest + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON             | {"as":"web:alice","text":             | not valid JSON
            not an object              | ["web:alice","hi"]                    | must be one JSON object
            empty body                 | ''                                    | needs a JSON body
            JSON null                  | null                                  | needs a JSON body
            missing as                 | {"text":"hi"}                         | Say who you are
            blank as                   | {"as":"  ","text":"hi"}               | Say who you are
            non-web identity           | {"as":"telegram:42","text":"hi"}      | must be a web identity
            web without id             | {"as":"web:","text":"hi"}             | must be a web identity
            identity with spaces       | {"as":"web:al ice","text":"hi"}       | must be a web identity
            both text and option       | {"as":"web:alice","text":"hi","option":"o:1"} | not both
            neither text nor option    | {"as":"web:alice"}                    | Send what you say as "text"
            only blank text            | {"as":"web:alice","text":"   "}       | Send what you say as "text"
            misspelt field             | {"as":"web:alice","txt":"hi"}         | Send what you say as "text"
            blank option               | {"as":"web:alice","option":" "}       | id of a reply option
            text of the wrong type     | {"as":"web:alice","text":{"a":1}}     | "text" must be a string
            as of the wrong type       | {"as":["web:alice"],"text":"hi"}      | "as" must be a string
            identity with a NUL        | {"as":"web:\\u0000","text":"hi"}       | without spaces or control characters
            identity with a control    | {"as":"web:a\\u0001","text":"hi"}      | without spaces or control characters
            identity with a separator  | {"as":"web:\\u2028","text":"hi"}       | without spaces or control characters
            message id with a colon    | {"as":"web:alice","text":"hi","messageId":"a:b"} | "messageId" must be
            empty message id           | {"as":"web:alice","text":"hi","messageId":""}    | "messageId" must be
            message id too long        | {"as":"web:alice","text":"hi","messageId":"%s"}  | "messageId" must be
            """)
    void badBodiesAreRefusedWithWhatToSendInstead(String what, String body, String explanation) throws Exception {
        postJson(body.replace("%s", "m".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString(explanation)));

        verifyNoInteractions(inbound);
    }

    @Test
    void aClientsMessageIdIsTheDeliveryIdWithTheSendersIdentitySoARetryAppliesOnce() throws Exception {
        ChatEvent said = ChatEvent.Text.direct(Samples.ALICE_WEB, ALICE, "hi", "web:message:m-1:alice");
        when(inbound.handle(said)).thenReturn(new ChatAnswer.Done(1));
        ChatEvent bobSaid = ChatEvent.Text.direct(ChannelIdentity.of("web:bob"), "bob", "hi", "web:message:m-1:bob");
        when(inbound.handle(bobSaid)).thenReturn(new ChatAnswer.Done(1));
        ChatEvent picked = new ChatEvent.Choice(Samples.ALICE_WEB, ALICE, "o:1", "web:message:m-2:alice");
        when(inbound.handle(picked)).thenReturn(new ChatAnswer.Done(1));

        postJson("{\"as\":\"web:alice\",\"text\":\"hi\",\"messageId\":\"m-1\"}").andExpect(status().isOk());
        postJson("{\"as\":\"web:bob\",\"text\":\"hi\",\"messageId\":\"m-1\"}").andExpect(status().isOk());
        postJson("{\"as\":\"web:alice\",\"option\":\"o:1\",\"messageId\":\"m-2\"}").andExpect(status().isOk());

        verify(inbound).handle(said);
        verify(inbound).handle(bobSaid);
        verify(inbound).handle(picked);
    }

    @Test
    void aWildcardContentTypeIsRefusedWithTheContentTypeToUse() throws Exception {
        mvc.perform(post("/api/messages").header("Content-Type", "*/*").content("{\"as\":\"web:alice\",\"text\":\"hi\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(containsString("Content-Type: application/json")));

        verifyNoInteractions(inbound);
    }

    @Test
    void tooLongTextIsRefusedWithTheLimit() throws Exception {
        postJson("{\"as\":\"web:alice\",\"text\":\"" + "a".repeat(PostedMessage.MAX_TEXT_LENGTH + 1) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("4001 characters long; send at most 4000")));

        verifyNoInteractions(inbound);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithTheContentTypeToUse() throws Exception {
        mvc.perform(post("/api/messages").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(containsString("Content-Type: application/json")));

        verifyNoInteractions(inbound);
    }

    @Test
    void aFailureOfOursIsA500WithAGenericMessageThatLeaksNothing() throws Exception {
        when(inbound.handle(any())).thenThrow(new IllegalStateException("redis at 10.0.0.7 refused"));

        postJson("{\"as\":\"web:alice\",\"text\":\"hi\"}")
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error").value(containsString("Something went wrong on our side")))
                .andExpect(jsonPath("$.error").value(not(containsString("10.0.0.7"))));

        verify(inbound, never()).tell(any(), any());
    }

    @Test
    void theInboxAnswersTheMessagesAfterTheGivenSeq() throws Exception {
        when(webChannel.messagesAfter(Samples.ALICE_WEB, 3)).thenReturn(new InboxPage(List.of(
                new InboxMessage(4, Samples.NOW, "Pick one", List.of(new ReplyOption("yes", "Yes")))), 4));

        mvc.perform(get("/api/inbox").param("as", "web:alice").param("after", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.last").value(4))
                .andExpect(jsonPath("$.messages[0].seq").value(4))
                .andExpect(jsonPath("$.messages[0].at").value("2026-11-20T10:15:30Z"))
                .andExpect(jsonPath("$.messages[0].text").value("Pick one"))
                .andExpect(jsonPath("$.messages[0].options[0].id").value("yes"))
                .andExpect(jsonPath("$.messages[0].options[0].label").value("Yes"));
    }

    @Test
    void theInboxStartsFromZeroWhenAfterIsLeftOut() throws Exception {
        when(webChannel.messagesAfter(Samples.ALICE_WEB, 0)).thenReturn(new InboxPage(List.of(), 0));

        mvc.perform(get("/api/inbox").param("as", "web:alice"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.last").value(0))
                .andExpect(jsonPath("$.messages").isEmpty());
    }

    @ParameterizedTest(name = "as={0} after={1}")
    @CsvSource(nullValues = "NONE", textBlock = """
            NONE,         0,    Say who you are
            slack:T1/U2,  0,    must be a web identity
            web:alice,    abc,  whole number from 0
            web:alice,    -1,   whole number from 0
            web:alice,    1.5,  whole number from 0
            web:alice,    99999999999999999999, whole number from 0
            """)
    void badInboxParametersAreRefusedWithWhatToSendInstead(String as, String after, String explanation)
            throws Exception {
        var request = get("/api/inbox").param("after", after);
        if (as != null) {
            request.param("as", as);
        }
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString(explanation)));

        verify(webChannel, never()).messagesAfter(any(), anyLong());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"web:\u0000", "web:\u0001", "web:\u2028", "web:a\u007f"})
    void anInboxOfAnIdentityWithControlCharactersIsRefused(String as) throws Exception {
        mvc.perform(get("/api/inbox").param("as", as))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("without spaces or control characters")));

        verify(webChannel, never()).messagesAfter(any(), anyLong());
    }

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/api/messages").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
