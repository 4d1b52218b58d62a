package dev.molt.kernel.node;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves environment references in one config value: {@code ${VAR}}, {@code ${VAR:-default}}
 * (the default when VAR is unset or empty, as in POSIX sh) and {@code $$} for a literal
 * {@code $}. Any other {@code $} is an error, so that a shell-style {@code $PORT} is caught at
 * boot instead of reaching the app as text.
 */
final class Substitution {
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Substitution() {}

  /**
   * The value with every reference resolved.
   *
   * @param where the value's name in messages, e.g. {@code book_app.http.port}
   * @throws ConfigException naming {@code where} and the variable
   */
  static String resolve(String value, String where, Map<String, String> env)
      throws ConfigException {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
      } else if (i + 1 < value.length() && value.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (i + 1 < value.length() && value.charAt(i + 1) == '{') {
        int close = value.indexOf('}', i + 2);
        if (close < 0) {
          throw new ConfigException("config " + where + ": '${' is not closed by '}' in \""
              + value + "\"; write ${VAR} or ${VAR:-default}, and $$ for a literal $");
        }
        out.append(reference(value.substring(i + 2, close), where, env));
        i = close + 1;
      } else {
        throw new ConfigException("config " + where + ": a '$' must start ${VAR} or "
            + "${VAR:-default}, or be doubled ($$) for a literal $, in \"" + value + "\"");
      }
    }
    return out.toString();
  }

  private static String reference(String body, String where, Map<String, String> env)
      throws ConfigException {
    int sep = body.indexOf(":-");
    String name = sep < 0 ? body : body.substring(0, sep);
    if (!VARIABLE.matcher(name).matches()) {
      throw new ConfigException("config " + where + ": '${" + body + "}' does not name a variable;"
          + " names are letters, digits and '_' and do not start with a digit");
    }
    String set = env.get(name);
    if (sep >= 0) {
      return set == null || set.isEmpty() ? body.substring(sep + 2) : set;
    }
    if (set == null) {
      throw new ConfigException("config " + where + " needs environment variable " + name
          + ", which is not set; export " + name + "=... or give a default: ${" + name + ":-...}");
    }
    return set;
  }
}
