package com.firmos.rest.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read under an engagement or a conversation whose own query tells a missing parent (and answers 404 itself), so
 * {@link ParentScope} does not ask the query side a second time first.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChecksItsParent {
}
