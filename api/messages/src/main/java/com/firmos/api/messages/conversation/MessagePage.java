package com.firmos.api.messages.conversation;

import java.util.List;

public record MessagePage(
        List<MessageView> messages,
        String nextCursor) {
}
