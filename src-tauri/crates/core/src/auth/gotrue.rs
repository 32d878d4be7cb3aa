//! The GoTrue calls the app makes (reference §1.1): anonymous and email sign-up, password and
//! refresh grants, reading and updating the user, logout. Every call asks for the versioned
//! error format; the transport decodes all three shapes anyway.

use reqwest::Method;
use secrecy::SecretString;
use serde_json::{Value, json};

use crate::auth::session::{Session, User};
use crate::error::CoreError;
use crate::http::{Bearer, Request, RetryPolicy, Service, Transport};

/// `X-Supabase-Api-Version` that selects the `{code, message}` error shape.
const API_VERSION: &str = "2024-01-01";

/// What an email sign-up returned.
#[derive(Debug)]
pub enum SignUp {
    /// Auto-confirmed: signed in.
    Session(Session),
    /// Email confirmation required: no session yet.
    ConfirmationSent(User),
}

/// A GoTrue client over the transport.
#[derive(Clone, Debug)]
pub struct AuthClient {
    transport: Transport,
}

impl AuthClient {
    /// A client on `transport`.
    pub fn new(transport: Transport) -> Self {
        Self { transport }
    }

    /// The transport underneath.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    fn request(method: Method, path: &str) -> Request {
        Request::new(Service::Auth, method, path)
            .header("x-supabase-api-version", API_VERSION)
            .policy(RetryPolicy::NONE)
    }

    fn session(&self, body: &[u8]) -> Result<Session, CoreError> {
        let now = self.transport.server_now_millis().div_euclid(1000);
        let (session, issued) = Session::from_wire_with_issue_time(body, now)?;
        if let Some(issued) = issued {
            // Half a second: the mid-point of the second the server issued in.
            self.transport.observe_session_time(issued * 1000 + 500);
        }
        Ok(session)
    }

    /// `POST /signup` with neither email nor phone: a new anonymous user.
    pub async fn sign_up_anonymously(&self, data: &Value) -> Result<Session, CoreError> {
        let req = Self::request(Method::POST, "/signup")
            .json(&json!({"data": data, "gotrue_meta_security": {"captcha_token": null}}));
        let response = self.transport.send(&req, Bearer::ApiKey).await?;
        self.session(&response.body)
    }

    /// `POST /signup` with email and password.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &SecretString,
        data: &Value,
    ) -> Result<SignUp, CoreError> {
        use secrecy::ExposeSecret;
        let req = Self::request(Method::POST, "/signup").json(&json!({
            "email": email, "password": password.expose_secret(), "data": data,
            "gotrue_meta_security": {"captcha_token": null}
        }));
        let response = self.transport.send(&req, Bearer::ApiKey).await?;
        match self.session(&response.body) {
            Ok(session) => Ok(SignUp::Session(session)),
            Err(_) => Ok(SignUp::ConfirmationSent(response.json()?)),
        }
    }

    /// `POST /token?grant_type=password`.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
    ) -> Result<Session, CoreError> {
        use secrecy::ExposeSecret;
        let req = Self::request(Method::POST, "/token?grant_type=password").json(&json!({
            "email": email, "password": password.expose_secret(),
            "gotrue_meta_security": {"captcha_token": null}
        }));
        let response = self.transport.send(&req, Bearer::ApiKey).await?;
        self.session(&response.body)
    }

    /// `POST /token?grant_type=refresh_token`. Retried on transient failures: the server hands
    /// back the active child when a parent token is presented again, so a retry after a lost
    /// answer is safe (reference §1.5).
    pub async fn refresh(&self, refresh_token: &SecretString) -> Result<Session, CoreError> {
        use secrecy::ExposeSecret;
        let req = Self::request(Method::POST, "/token?grant_type=refresh_token")
            .json(&json!({"refresh_token": refresh_token.expose_secret()}))
            .policy(RetryPolicy::DEFAULT)
            .replay_safe();
        let response = self.transport.send(&req, Bearer::ApiKey).await?;
        self.session(&response.body)
    }

    /// `GET /user`.
    pub async fn user(&self, access_token: &SecretString) -> Result<User, CoreError> {
        let req = Self::request(Method::GET, "/user");
        self.transport
            .send(&req, Bearer::User(access_token))
            .await?
            .json()
    }

    /// `PUT /user`: e.g. an anonymous user adds email and password (same id, rows kept).
    pub async fn update_user(
        &self,
        access_token: &SecretString,
        changes: &Value,
    ) -> Result<User, CoreError> {
        let req = Self::request(Method::PUT, "/user").json(changes);
        self.transport
            .send(&req, Bearer::User(access_token))
            .await?
            .json()
    }

    /// `POST /logout?scope=local` (this device only).
    pub async fn logout(&self, access_token: &SecretString) -> Result<(), CoreError> {
        let req = Self::request(Method::POST, "/logout?scope=local");
        self.transport
            .send(&req, Bearer::User(access_token))
            .await
            .map(|_| ())
    }
}
