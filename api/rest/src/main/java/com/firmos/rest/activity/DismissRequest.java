package com.firmos.rest.activity;

record DismissRequest(String comment) {
}
