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

    /** The one refusal of a create under a taken id, whoever's tenant took it. */
    public static Matcher<DomainException> idTaken() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException refused) {
                return refused.refusal().equals(Refusals.idTaken().refusal());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refusal " + Refusals.idTaken().refusal());
            }
        };
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
