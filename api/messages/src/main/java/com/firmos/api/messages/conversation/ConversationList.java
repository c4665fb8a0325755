package com.firmos.api.messages.conversation;

import java.util.List;

public record ConversationList(
        List<ConversationView> conversations) {
}
