/* beacon-server-page-private.h
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "beacon-server-page.h"
#include "beacon-wcs-rest.h"

G_BEGIN_DECLS

/* Shared by beacon-server-page.c (the list and its refreshes) and
 * beacon-server-page-actions.c (what the operator does with a row). */

struct _BeaconServerPage
{
  AdwBin            parent_instance;

  /* Template children */
  GtkSearchEntry   *search_entry;
  GtkStack         *content_stack;
  GtkListBox       *list_box;
  AdwStatusPage    *status_page;
  GtkWidget        *status_buttons;
  GtkWidget        *preferences_button;
  GtkSpinner       *spinner;

  /* Owned */
  BeaconConnection *connection;
  BeaconWcsRest    *rest;
  GCancellable     *cancellable;      /* the page's life: terminate requests */
  GCancellable     *refresh;          /* the list request in flight, if any */
  GHashTable       *rows;             /* media session id → BeaconServerRow (borrowed) */
  char             *error_message;
  char             *filter;           /* casefolded, NULL when empty */

  /* Borrowed */
  BeaconPlayPage   *play_page;        /* weak pointer */

  guint             refresh_interval;
  guint             timer_id;
  guint             listed : 1;       /* an answer came from the current server */
  guint             again : 1;        /* a refresh was asked for while one was in flight */
  guint             use_find_all : 1; /* the server refused find without a filter */
};

/* beacon-server-page-actions.c */
void _beacon_server_page_class_init_actions (GtkWidgetClass   *widget_class);
void _beacon_server_page_watch              (BeaconServerPage *self,
                                             BeaconServerRow  *row);
void _beacon_server_page_ask_terminate      (BeaconServerPage *self,
                                             BeaconServerRow  *row);

G_END_DECLS
