package com.example.mn;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

@Controller("/hello")
public class HelloController {

  @Get
  @Produces(MediaType.TEXT_PLAIN)
  public String hello() {
    return "Hello from Micronaut";
  }
}
