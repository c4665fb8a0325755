/** The message contract: commands, events, queries and views as records. */
package com.firmos.api.messages;
