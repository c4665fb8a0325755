package com.firmos.rest.consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Binds a {@code Long} handler parameter to the version the {@code If-Match} header names, as
 * {@link Versions#expected} reads it: null for none or {@code *}, a 400 naming If-Match for a tag this API never
 * returned. The command carrying it as {@code @TargetAggregateVersion} is refused when the aggregate moved on.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameter(in = ParameterIn.HEADER, name = "If-Match", schema = @Schema(type = "string"))
public @interface IfMatch {
}
