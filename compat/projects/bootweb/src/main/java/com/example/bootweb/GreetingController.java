package com.example.bootweb;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class GreetingController {
  private final JdbcTemplate jdbc;

  public GreetingController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/greeting")
  public String greeting() {
    Integer answer = jdbc.queryForObject("select 6 * 7", Integer.class);
    return "Hello from Spring Boot, H2 says " + answer;
  }
}
