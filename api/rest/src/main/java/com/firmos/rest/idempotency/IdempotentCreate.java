package com.firmos.rest.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A create whose body may carry the new entity's id chosen by the client: that id then works as the request's
 * idempotency key, so a retry gets the first answer instead of a conflict.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotentCreate {
}
