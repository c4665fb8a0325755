package com.firmos.rest.config;

/** How many threads run due deadlines ({@code firmos.deadlines.threads}): each holds a connection while it does. */
public record DeadlineWorkers(int threads) {
}
