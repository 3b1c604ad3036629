import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { callbackData } from "./callback-data.js";

/** The main menu under the greeting; every entry leads somewhere that works. */
export function mainMenu(t: TranslateFunction): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("menu-ask"), callbackData("menu", "ask"))
    .text(t("menu-nearby"), callbackData("menu", "nearby"))
    .row()
    .text(t("menu-become-helper"), callbackData("menu", "helper"))
    .row()
    .text(t("menu-help"), callbackData("menu", "help"))
    .text(t("menu-language"), callbackData("menu", "language"));
}

export function languageMenu(): InlineKeyboard {
  // Each language is named in itself, so the menu reads right whatever the current language.
  return new InlineKeyboard().text("English", callbackData("lang", "en")).text("한국어", callbackData("lang", "ko"));
}
