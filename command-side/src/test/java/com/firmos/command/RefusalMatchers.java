package com.firmos.command;

import java.util.Objects;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import com.firmos.api.messages.RefusalCode;

/** Matches a refused command by its code and the field it names. */
public final class RefusalMatchers {

    private RefusalMatchers() {
    }

    public static Matcher<DomainException> refusal(RefusalCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException refused) {
                return refused.refusal().code() == code && Objects.equals(refused.refusal().field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + code + " naming field " + field);
            }
        };
    }
}
